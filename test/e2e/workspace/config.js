// Fixture for the real-editor tests: a hard-coded (fake) AWS access key id.
module.exports = {
  region: 'eu-west-1',
  accessKeyId: 'AKIAZ7QW3RT5YU2XPL4M',
};
