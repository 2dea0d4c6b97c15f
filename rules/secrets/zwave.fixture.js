const { Driver } = require('zwave-js');

const driver = new Driver('/dev/ttyACM0', {
  securityKeys: {
    // ruleid: secrets.zwave.network-key
    S2_Authenticated: Buffer.from('3E8D1C5A9B07F24E6D18A3C0B95F7E21', 'hex'),
    // ok: secrets.zwave.network-key
    S2_Unauthenticated: Buffer.from(process.env.ZWAVE_S2_UNAUTH, 'hex'),
  },
});
