#!/bin/sh
# Cloud Storage HMAC keys passed to ClickHouse's s3() table function (issue 16). Values are our own fakes in the
# documented format (a GOOG access ID, a 40-character base64 secret).
# ruleid: secrets.gcp.hmac-access-id, secrets.gcp.hmac-secret
clickhouse client --query "INSERT INTO t SELECT * FROM s3('https://storage.googleapis.com/bucket/*.parquet', 'GOOGAUHS5CTC03QB5GLVFH3W', 'Ab7FW+R62belJpjjCs8a0aJDmLNXPqmnIjOFw+xt', 'Parquet')"
# ok: secrets.gcp.hmac-access-id, secrets.gcp.hmac-secret
clickhouse client --query "INSERT INTO t SELECT * FROM s3('https://storage.googleapis.com/bucket/*.parquet', '${GCS_ID}', '${GCS_SECRET}', 'Parquet')"
# An upper-case word starting with GOOG is not an access ID.
# ok: secrets.gcp.hmac-access-id
echo "GOOGLEANALYTICSTRACKERID"
