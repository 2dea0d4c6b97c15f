// Hadoop's and Spark's setting for an Azure Storage account's key (issue 16).
object DeltaWriter {
  def configure(spark: SparkSession, lakeAccount: String): Unit = {
    spark.conf.set(
      s"fs.azure.account.key.$lakeAccount.dfs.core.windows.net",
      "jZuJCz+VJKVUSasSAS6By1tcsTiq41kReBkaJOhXBeCdHUxqGOWmrevd6n4SAlxsNUVTvnv5NVVTkDFOFJC0mw==" // ruleid: secrets.azure.storage-account-key
    )
    // ruleid: secrets.azure.storage-account-key
    spark.conf.set("fs.azure.account.key.lake.blob.core.windows.net", "jZuJCz+VJKVUSasSAS6By1tcsTiq41kReBkaJOhXBeCdHUxqGOWmrevd6n4SAlxsNUVTvnv5NVVTkDFOFJC0mw==")
    // ok: secrets.azure.storage-account-key
    spark.conf.set(s"fs.azure.account.key.$lakeAccount.dfs.core.windows.net", sys.env("LAKE_ACCOUNT_KEY"))
  }
}
