import { factories } from '@strapi/strapi';

// Reads only, for the site build (published drafts); comments arrive through 01-public.ts.
export default factories.createCoreRouter('api::consultation.consultation', { only: ['find', 'findOne'] });
