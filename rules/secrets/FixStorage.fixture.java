package com.acme.storage;

public class FixStorage {
    // ruleid: secrets.aws.access-key-id
    private static final String ACCESS_KEY_ID = "AKIAIVWF6E2B7AYYAEFF";

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }
}
