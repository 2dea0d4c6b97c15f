// vigil-fixture-path: api/src/services/invoices/invoices.js
// RedwoodJS services: each exported function is a GraphQL resolver; its first parameter holds the arguments.
import { db } from 'src/lib/db';

export const invoicesByCustomer = ({ customer }) => {
  // ruleid: js.sqli.string-query
  return db.$queryRawUnsafe(`SELECT * FROM "Invoice" WHERE "customer" = '${customer}'`);
};

export const invoiceTotal = ({ customer }) => {
  // ok: js.sqli.string-query
  return db.$queryRaw`SELECT SUM("amount") AS total FROM "Invoice" WHERE "customer" = ${customer}`;
};

export const addInvoiceNote = async ({ id, note }) => {
  // ruleid: js.sqli.string-query
  return db.$executeRawUnsafe(`UPDATE "Invoice" SET "note" = '${note}' WHERE "id" = ${Number(id)}`);
};

// Not exported: called by the resolvers with values they chose.
const recount = (table) => db.$executeRawUnsafe(`ANALYZE "${table}"`);

export const refresh = () => {
  // ok: js.sqli.string-query
  return recount('Invoice');
};
