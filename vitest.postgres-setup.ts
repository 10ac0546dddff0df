import pg from "pg";

// A fresh database per test session, so runs left by an earlier (or concurrent) session can
// never be claimed by this session's workers. Created from TEST_DATABASE_URL, dropped at the end.
export default async function setup({
  provide: _provide,
}: {
  provide: unknown;
}) {
  const admin = process.env.TEST_DATABASE_URL!;
  const target = new URL(process.env.ERASURE_TEST_PG_URL!);
  const name = target.pathname.slice(1);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  return async () => {
    const cleanup = new pg.Client({ connectionString: admin });
    await cleanup.connect();
    await cleanup.query(`drop database if exists "${name}" with (force)`);
    await cleanup.end();
  };
}
