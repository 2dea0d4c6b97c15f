// A user:password literal encoded for a Basic header (issue 16).
// ruleid: secrets.generic.basic-auth-literal
const auth = 'Basic ' + btoa('svc-reports:Hx4Tq9LmZ2vB7nKw');
// ruleid: secrets.generic.basic-auth-literal
const header = `Basic ${Buffer.from("partner:Zr8Kq3Vm7Lp2Wx9N").toString('base64')}`;
// ok: secrets.generic.basic-auth-literal
const user = btoa(`${name}:${password}`);
// ok: secrets.generic.basic-auth-literal
const words = Buffer.from('key:value');
