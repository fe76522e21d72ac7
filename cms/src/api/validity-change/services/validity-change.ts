import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::validity-change.validity-change');
