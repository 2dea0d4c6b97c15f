package main

import (
	"context"
	"database/sql"
	"os/exec"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// AWS Lambda behind API Gateway, an ALB or a function URL: the event's query, path, headers and body are the client's.
var db *sql.DB

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	cmd := req.QueryStringParameters["cmd"]
	// ruleid: go.cmdi.exec
	out, _ := exec.Command("sh", "-c", cmd).Output()
	return events.APIGatewayProxyResponse{Body: string(out), StatusCode: 200}, nil
}

func httpAPI(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM notes WHERE body = '" + req.Body + "'")
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM users WHERE id = '" + req.PathParameters["id"] + "'")
	return events.APIGatewayV2HTTPResponse{StatusCode: 200}, nil
}

func functionURL(ctx context.Context, req *events.LambdaFunctionURLRequest) (events.LambdaFunctionURLResponse, error) {
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM t WHERE ua = '" + req.Headers["user-agent"] + "'")
	// The request id and the account are API Gateway's, not the client's.
	// ok: go.sqli.query
	db.Query("SELECT * FROM audit WHERE req = '" + req.RequestContext.RequestID + "'")
	return events.LambdaFunctionURLResponse{StatusCode: 200}, nil
}

func queue(ctx context.Context, ev events.SQSEvent) error {
	for _, m := range ev.Records {
		// An SQS message is the application's own queue: not an HTTP client's request.
		// ok: go.sqli.query
		db.Query("SELECT * FROM jobs WHERE id = '" + m.MessageId + "'")
	}
	return nil
}

func main() { lambda.Start(handler) }
