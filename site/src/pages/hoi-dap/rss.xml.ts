/** RSS 2.0 of the newest published questions and answers (/hoi-dap/rss.xml). */
import type { APIRoute } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { rssResponse } from '../../lib/feeds.ts';
import { questionsRss } from '../../lib/question-feed.ts';
import { publishedQuestions } from '../../lib/questions.ts';

export const GET: APIRoute = async ({ site, url }) => {
  const { name } = await portalSettings();
  return rssResponse(questionsRss(await publishedQuestions(), site?.href ?? url.origin, name));
};
