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
// A union type is not read as an annotation yet.
// todoruleid: secrets.generic.secret-assignment
export let signingSecret: string | undefined = "Vx4Nq9Lt2Rk7Zm3Wp8Bs5Jc1";
// ok: secrets.generic.token-assignment
export const tokenHeader: string = "Authorization";
