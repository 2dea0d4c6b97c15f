/* C has no grammar here: a lexer finds its strings, character literals and comments, so a value in its code must
   be a quoted literal, as in parsed languages (issue 16). */
#include <stdlib.h>
struct conf { const char *api_token; const char *client_secret; };
void setup(struct conf *c, char quote)
{
    /* Code, not literals: a dereference, a bitwise or. */
    /* ok: secrets.generic.token-assignment */
    char *token = *TokenPointerFromConfig2;
    /* ok: secrets.generic.secret-assignment */
    const char *secret = Config.ClientSecret2|FlagMask;
    /* A character literal holding a double quote opens no string. */
    if (quote == '"') return;
    /* ruleid: secrets.generic.token-assignment */
    c->api_token = "xZkUxoI4WRzrgolOL7l91fU9oObs";
}
