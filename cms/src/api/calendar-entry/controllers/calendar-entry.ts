import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::calendar-entry.calendar-entry');
