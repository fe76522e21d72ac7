import type { Core } from '@strapi/strapi';

/** One refused field, with the message an editor reads. */
export interface Problem {
  path: string[];
  message: string;
}

export interface ValidationInput {
  strapi: Core.Strapi;
  data: Record<string, unknown>;
  documentId: string | undefined;
  creating: boolean;
}

/** Checks (and may normalise) the incoming data of one content type. */
export type Validator = (input: ValidationInput) => Promise<{ problems: Problem[]; data: Record<string, unknown> }>;
