// Held out 11 (issue 16): a connection string whose password repeats its user name is the database image's default
// login (`postgres`/`postgres`), as `postgres://app:app@…` is.
class Worker
{
    // ok: secrets.db.ado-connection-string
    const string Local = "Server=db;Username=postgres;Password=postgres;";
    // ok: secrets.db.ado-connection-string
    const string Odbc = "Driver={ODBC Driver 18};Server=db;Uid=sa_admin;Pwd=sa_admin;";
    // A chosen password beside the same user name is reported.
    // ruleid: secrets.db.ado-connection-string
    const string Prod = "Server=db;Username=postgres;Password=Hq8vT2mZ7xWp;";
}
