/**
 * Admin panel customisation. The site publisher's side panel lives in public-state.tsx: when merging
 * with another app.tsx, keep its registerPublicStatePanel(app) call in bootstrap.
 */
import { registerPublicStatePanel } from './public-state.tsx';

export default {
  config: {},
  bootstrap(app: Parameters<typeof registerPublicStatePanel>[0]) {
    registerPublicStatePanel(app);
  },
};
