// The stores the fault-injection suite runs on: SQLite always, Redis and Postgres when their
// PAPERBOT_TEST_* URL is set (as in CI). Tests use fresh channel ids, so nothing is wiped.
import { randomUUID } from 'node:crypto';

/** A store under test: its name and a URL factory (SQLite gets a file in `dir`). */
export interface StoreUnderTest {
  name: string;
  url(dir: string): string;
}

/** The stores available in this environment. */
export function storesUnderTest(): StoreUnderTest[] {
  const out: StoreUnderTest[] = [{ name: 'sqlite', url: (dir) => `sqlite://${dir}/paperbot.sqlite` }];
  const redis = process.env.PAPERBOT_TEST_REDIS_URL;
  const postgres = process.env.PAPERBOT_TEST_POSTGRES_URL;
  if (redis) out.push({ name: 'redis', url: () => redis });
  if (postgres) out.push({ name: 'postgres', url: () => postgres });
  return out;
}

/** A channel id no earlier run used (Slack-like: letters and digits). */
export function freshChannelId(): string {
  return `C${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}
