import { factories } from '@strapi/strapi';

// Reads only: questions arrive through the public routes in 01-public.ts, never through the generic create.
export default factories.createCoreRouter('api::question.question', { only: ['find', 'findOne'] });
