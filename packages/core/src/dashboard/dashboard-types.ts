import type { UpstreamMode } from '../config/parse-config';

/** A model as the dashboard lists it: a Workers AI ID, or an alias and the model it resolves to. */
export interface DashboardModel {
  id: string;
  alias_for?: string;
  /** The catalog task (`text-generation`, ...), used to fill the playground's model picker. */
  task?: string;
}

/** What every gateway tells its dashboard about itself; all of it is public. */
export interface DashboardOptions {
  /** The gateway's own origin (`https://chat.example.workers.dev`), filled into client settings. */
  origin: string;
  upstreamMode: UpstreamMode;
  /** The models `GET /v1/models` lists, shown before a key is typed. */
  models: readonly DashboardModel[];
  /** `ALLOW_ANONYMOUS=true`: the page may call the API without a key. */
  anonymous: boolean;
  /** The gateway's version, shown in the header. */
  version?: string;
  /** Image gateway: `PUBLIC_IMAGE_BASE_URL`, allowed as an image source by the page's CSP. */
  imageBaseUrl?: string;
}

/** One copy-ready block of client settings. */
export interface ClientSetting {
  title: string;
  /** Shown (escaped) in a `<pre>` and copied as is. */
  text: string;
  /** A short hint under the title. */
  note?: string;
}

/** One gateway's page: the shared frame plus its settings and playground. */
export interface DashboardPage {
  name: string;
  description: string;
  options: DashboardOptions;
  settings: readonly ClientSetting[];
  /** Markup of the playground (already escaped where it interpolates). */
  playgroundHtml: string;
  /** Client code of the playground, run after the shared page script in the same scope. */
  playgroundScript: string;
}
