export const asana = {
  workspace: "1204611572219551",
  // ruleid: secrets.asana.pat
  pat: "2/2341754721017572/1094690962853742:fc2772b90364005c84c20003bf9f5934",
};

export const linear = {
  // ok: secrets.asana.pat
  pat: "2/2341754721017572/1094690962853742:fc2772b90364005c84c20003bf9f5934",
};

export const asanaFromEnv = {
  // ok: secrets.asana.pat
  pat: process.env.ASANA_PAT,
};
