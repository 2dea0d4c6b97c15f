// Context shapes: JSX attributes (issue 16).
// ruleid: secrets.generic.api-key-assignment
export const Map = () => <GoogleMap apiKey="Hb6Lw2Zx9Kc4Vq8Nm3Ts7Jd1Pf5Ry0Ea" />;
// ok: secrets.generic.api-key-assignment
export const EnvMap = () => <GoogleMap apiKey={process.env.MAPS_API_KEY} />;
// ruleid: secrets.generic.password-assignment
export const Demo = () => <Login user="demo" password="Pm4Zr8Kc2Yn6Bf" />;
// Typed declarations (issue 16): a type annotation between the name and `=`.
// ruleid: secrets.generic.token-assignment
export const apiToken: string = "Qz7vR2mX8pL4tK9wB3nF6hJ1";
// A union type between the name and `=`.
// ruleid: secrets.generic.secret-assignment
export let signingSecret: string | undefined = "Vx4Nq9Lt2Rk7Zm3Wp8Bs5Jc1";
// ruleid: secrets.generic.password-assignment
let adminPassword: string | null | undefined = "Wq7Lz3Kx9Nb2Tr5Hm";
// A union with a literal read from the environment, and a union-typed value that is a type's member.
// ok: secrets.generic.secret-assignment
export let sessionSecret: string | undefined = process.env.SESSION_SECRET;
// ok: secrets.generic.token-assignment
let refreshToken: string | null = TokenStore.refreshTokenFromCookieJar;
// ok: secrets.generic.token-assignment
export const tokenHeader: string = "Authorization";
// A placeholder's default inside a string, resolved by a config loader.
// ruleid: secrets.generic.password-assignment
export const dbConfig = { password: "${DB_PASSWORD:Wq7Lz3Kx9Nb2Tr5Hm}" };
// ok: secrets.generic.password-assignment
export const dbConfigTemplate = { password: "${DB_PASSWORD:${FALLBACK_PASSWORD}}" };
