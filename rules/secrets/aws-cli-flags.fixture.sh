#!/bin/sh
# The AWS CLI's own ways to take the secret key: `aws configure set` and a tool's flag.
aws configure set aws_access_key_id "$AWS_ACCESS_KEY_ID"
# ruleid: secrets.aws.secret-access-key
aws configure set aws_secret_access_key cdj2qunksaiuKFKZ07N+bBj+3V+2vCRi7Xu33EvO
# ruleid: secrets.aws.secret-access-key
terraformer import aws --aws-secret-access-key xg3lq/gC1v70wE3NE02WGVjeWGYwgumpp7r1xkuP --regions eu-west-1
# ok: secrets.aws.secret-access-key
aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"
# A low-entropy value of the same length is no key.
# ok: secrets.aws.secret-access-key
aws configure set aws_secret_access_key AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
