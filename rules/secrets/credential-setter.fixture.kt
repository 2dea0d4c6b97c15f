package com.acme.notify

import com.zaxxer.hikari.HikariDataSource

class NotificationClient {
    private val vonage = VonageClient.builder()
        .apiKey("39d2a327")
        // ruleid: secrets.generic.credential-setter
        .apiSecret("Vq8hxK2PeyMsLgTz")
        .build()

    fun dataSource() = HikariDataSource().apply {
        jdbcUrl = "jdbc:postgresql://db:5432/notify"
        username = "notify"
        // ruleid: secrets.generic.credential-setter
        setPassword("Zr7vKq2mWx9Lp4Tn")
    }

    fun fromEnv() = HikariDataSource().apply {
        // ok: secrets.generic.credential-setter
        setPassword(System.getenv("NOTIFY_DB_PASSWORD"))
    }

    // A secret's name, not its value.
    // ok: secrets.generic.credential-setter
    val volume = SecretVolumeSource().withSecret("notify-tls-secret")
    // ok: secrets.generic.credential-setter
    val test = Config.builder().password("changeme-please").build()
}
