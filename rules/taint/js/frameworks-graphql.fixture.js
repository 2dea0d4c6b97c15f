// GraphQL resolver maps (Apollo Server, graphql-tools, GraphQL Yoga, Mercurius:
// https://www.apollographql.com/docs/apollo-server/data/resolvers): a Query or Mutation resolver is called as
// (parent, args, context, info), and `args` are the arguments the client wrote in its operation.
const { ApolloServer } = require('@apollo/server');
const { exec } = require('child_process');
const fs = require('fs');
const db = require('./db');

const resolvers = {
  Query: {
    // ruleid: js.sqli.string-query
    user: async (_, { id }) => db.query('SELECT * FROM users WHERE id = ' + id),
    search: async (parent, args) => {
      // ruleid: js.sqli.string-query
      return db.query(`SELECT * FROM posts WHERE title LIKE '%${args.term}%'`);
    },
    file(_, args) {
      // ruleid: js.path-traversal.fs
      return fs.readFileSync('/srv/exports/' + args.name, 'utf8');
    },
    // The context is the server's (the user it authenticated), the parent a resolved value.
    // ok: js.sqli.string-query
    me: async (_, __, context) => db.query('SELECT * FROM users WHERE id = ' + context.user.id),
    // ok: js.sqli.string-query
    count: async (_, { limit }) => db.query('SELECT COUNT(*) FROM users LIMIT ' + Number(limit)),
  },
  Mutation: {
    ping(_, args, context) {
      // ruleid: js.cmdi.child-process
      exec('ping -c 1 ' + args.host);
      return true;
    },
    // ok: js.cmdi.child-process
    uptime: () => exec('uptime'),
  },
  User: {
    // A type's field resolver: its parent is the stored user.
    // ok: js.sqli.string-query
    posts: (user) => db.query('SELECT * FROM posts WHERE author = ' + user.id),
    // A field's own arguments are the client's too.
    // ruleid: js.sqli.string-query
    friends: (user, { orderBy }) => db.query('SELECT * FROM friends ORDER BY ' + orderBy),
  },
};

const server = new ApolloServer({ typeDefs: require('./schema'), resolvers });
module.exports = server;

// Not a resolver map (no Query type beside it): a table of the application's own functions.
const jobs = {
  Jobs: {
    // ok: js.cmdi.child-process
    run: (job, { cmd }) => exec(cmd),
  },
};
module.exports.jobs = jobs;
