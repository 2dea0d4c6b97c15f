import { list, graphql } from '@keystone-6/core'
import { allowAll } from '@keystone-6/core/access'
import { text, float } from '@keystone-6/core/fields'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import vm from 'node:vm'

const TEMPLATE_DIR = path.join(process.cwd(), 'templates')

export const lists = {
  Metric: list({
    access: allowAll,
    fields: { label: text(), formula: text(), value: float(), callbackUrl: text() },
    hooks: {
      resolveInput: async ({ resolvedData, inputData }) => {
        // ruleid: js.code-injection.eval
        const value = vm.runInNewContext(inputData.formula, { Math })
        return { ...resolvedData, value: Number(value) }
      },
      afterOperation: async ({ item }) => {
        // ruleid: js.ssrf.http-client
        await fetch(item.callbackUrl, { method: 'POST' })
        // ok: js.ssrf.http-client
        await fetch('https://metrics.internal.example/refresh', { method: 'POST' })
      },
    },
  }),
}

export const extendGraphqlSchema = graphql.extend((base) => ({
  query: {
    emailTemplate: graphql.field({
      type: graphql.String,
      args: { name: graphql.arg({ type: graphql.nonNull(graphql.String) }) },
      async resolve(source, { name }) {
        // ruleid: js.path-traversal.fs
        return readFile(path.join(TEMPLATE_DIR, name), 'utf8')
      },
    }),
    safeTemplate: graphql.field({
      type: graphql.String,
      args: { name: graphql.arg({ type: graphql.nonNull(graphql.String) }) },
      async resolve(source, { name }) {
        // ok: js.path-traversal.fs
        return readFile(path.join(TEMPLATE_DIR, path.basename(name)), 'utf8')
      },
    }),
  },
}))
