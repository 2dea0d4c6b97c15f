// Short passwords a person chose, under camelCase password names (issue 16). Values are our own fakes.
// ruleid: secrets.generic.chosen-password
const adminPass = 'Sunset#Bay7';
// ruleid: secrets.generic.chosen-password
const config = { dbPwd: "m4ple9Leaf" };
// ok: secrets.generic.chosen-password
const compassHeading = 'Nw3!north';
// ok: secrets.generic.chosen-password
const userPass = process.env.USER_PASS;
// An i18n label under a password key.
// ok: secrets.generic.chosen-password
const passwordLabel = 'Password:';
// A template.
// ok: secrets.generic.chosen-password
const passTpl = `${user}:pw9X`;
