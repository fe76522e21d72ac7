import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::validity-change.validity-change');
