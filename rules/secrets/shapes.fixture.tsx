// Context shapes: JSX attributes (issue 16).
// ruleid: secrets.generic.api-key-assignment
export const Map = () => <GoogleMap apiKey="Hb6Lw2Zx9Kc4Vq8Nm3Ts7Jd1Pf5Ry0Ea" />;
// ok: secrets.generic.api-key-assignment
export const EnvMap = () => <GoogleMap apiKey={process.env.MAPS_API_KEY} />;
// ruleid: secrets.generic.password-assignment
export const Demo = () => <Login user="demo" password="Pm4Zr8Kc2Yn6Bf" />;
