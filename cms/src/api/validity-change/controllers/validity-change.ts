import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::validity-change.validity-change');
