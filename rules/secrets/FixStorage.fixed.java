package com.acme.storage;

public class FixStorage {
    // ruleid: secrets.aws.access-key-id
    private static final String ACCESS_KEY_ID = System.getenv("AWS_ACCESS_KEY_ID");

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }
}
