/**
 * RSS 2.0 of the newest published questions and answers (/hoi-dap/rss.xml). A one-path dynamic route
 * only so that it can give a cache key (page-keys.ts): the feed's own text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { portalSettings } from '../../lib/cms-portal.ts';
import { rssResponse } from '../../lib/feeds.ts';
import { keyedFile } from '../../lib/page-keys.ts';
import { questionsRss } from '../../lib/question-feed.ts';
import { publishedQuestions } from '../../lib/questions.ts';
import { routeParams } from '../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const { name } = await portalSettings();
  return [keyedFile(routeParams.questionsFeed(), questionsRss(await publishedQuestions(), import.meta.env.SITE, name))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => rssResponse(props['body'] as string);
