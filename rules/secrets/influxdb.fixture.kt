// InfluxDB API tokens (issue 16).
object Telemetry {
    fun connect(): InfluxDBClientKotlin {
        val influx = InfluxDBClientKotlinFactory.create(
            Settings.influxUrl,
            "1IaaL_etEM67XoHjWLLOomhVRPRas_cpkYWTDvFSVK0GxY09GN_S44YAik1nGgP02c7hrNlR5Jo_e8_TiRA9Dw==".toCharArray(), // ruleid: secrets.influxdb.api-token
            Settings.INFLUX_ORG,
        )
        return influx
    }
    // ruleid: secrets.influxdb.api-token
    private const val INFLUX_TOKEN = "7nxdRg7BlR01aOdmaPOmmblL0yJK19YINMrAgLC1r5Wl+0FIkH/OG+ExuJj5hbHkMLmtPpedlcCM3VQkx+ISWw=="
    // The same shape given to another client is not an Influx token.
    // ok: secrets.influxdb.api-token
    val other = SomeClient.create("1IaaL_etEM67XoHjWLLOomhVRPRas_cpkYWTDvFSVK0GxY09GN_S44YAik1nGgP02c7hrNlR5Jo_e8_TiRA9Dw==")
}
