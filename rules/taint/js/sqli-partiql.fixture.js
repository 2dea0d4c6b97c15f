// DynamoDB PartiQL statements (AWS SDK): values belong in Parameters, not in the statement's text.
const { DynamoDBClient, ExecuteStatementCommand } = require('@aws-sdk/client-dynamodb');
const AWS = require('aws-sdk');

const client = new DynamoDBClient({});
const legacy = new AWS.DynamoDB();

exports.handler = async (event) => {
  const owner = event.queryStringParameters.owner;
  // ruleid: js.sqli.string-query
  await client.send(new ExecuteStatementCommand({ Statement: `SELECT * FROM "Docs" WHERE owner = '${owner}'` }));
  // ok: js.sqli.string-query
  await client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Docs" WHERE owner = ?', Parameters: [{ S: owner }] }));
  // ruleid: js.sqli.string-query
  await legacy.executeStatement({ Statement: "SELECT * FROM Docs WHERE owner = '" + owner + "'" }).promise();
  return { statusCode: 200 };
};
