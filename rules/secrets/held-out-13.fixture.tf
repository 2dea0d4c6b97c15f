provider "mongodbatlas" {
  public_key  = "qkzwhbte"
  # ruleid: secrets.mongodb.atlas-private-key
  private_key = "0348f8e6-972a-4a58-8de2-4bc0f96070e7"
}

provider "aws" {
  region = "eu-west-1"
  # ok: secrets.mongodb.atlas-private-key
  private_key = "0348f8e6-972a-4a58-8de2-4bc0f96070e7"
}
