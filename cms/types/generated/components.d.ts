import type { Schema, Struct } from '@strapi/strapi';

export interface LegalDocumentRelation extends Struct.ComponentSchema {
  collectionName: 'components_legal_document_relations';
  info: {
    description: "This document's relation to another (the other side shows the passive form, e.g. b\u1ECB thay th\u1EBF b\u1EDFi)";
    displayName: 'Quan h\u1EC7 v\u0103n b\u1EA3n';
  };
  attributes: {
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    target: Schema.Attribute.Relation<'oneToOne', 'api::legal-document.legal-document'>;
    type: Schema.Attribute.Enumeration<
      [
        'thay_the',
        'sua_doi_bo_sung',
        'bai_bo',
        'bai_bo_mot_phan',
        'huong_dan',
        'quy_dinh_chi_tiet',
        'can_cu',
        'dinh_chinh',
        'dan_chieu',
      ]
    > &
      Schema.Attribute.Required;
  };
}

export interface ProcedureDossierItem extends Struct.ComponentSchema {
  collectionName: 'components_procedure_dossier_items';
  info: {
    description: 'One document of the dossier, with its form';
    displayName: 'Th\u00E0nh ph\u1EA7n h\u1ED3 s\u01A1';
  };
  attributes: {
    copies: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    form: Schema.Attribute.Media<'files'>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
        minLength: 1;
      }>;
    originals: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
  };
}

export interface ProcedureMethod extends Struct.ComponentSchema {
  collectionName: 'components_procedure_methods';
  info: {
    description: 'One row of c\u00E1ch th\u1EE9c th\u1EF1c hi\u1EC7n';
    displayName: 'C\u00E1ch th\u1EE9c th\u1EF1c hi\u1EC7n';
  };
  attributes: {
    channel: Schema.Attribute.Enumeration<['truc_tiep', 'truc_tuyen', 'buu_chinh']> & Schema.Attribute.Required;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 2000;
      }>;
    duration: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    fee: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
  };
}

export interface ProcedureStep extends Struct.ComponentSchema {
  collectionName: 'components_procedure_steps';
  info: {
    description: 'One step of tr\u00ECnh t\u1EF1 th\u1EF1c hi\u1EC7n, in order';
    displayName: 'B\u01B0\u1EDBc th\u1EF1c hi\u1EC7n';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 5000;
      }>;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
        minLength: 1;
      }>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'legal.document-relation': LegalDocumentRelation;
      'procedure.dossier-item': ProcedureDossierItem;
      'procedure.method': ProcedureMethod;
      'procedure.step': ProcedureStep;
    }
  }
}
