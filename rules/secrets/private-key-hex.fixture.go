package treasury

import "github.com/ethereum/go-ethereum/crypto"

// ruleid: secrets.crypto.private-key-hex
var payoutKey, _ = crypto.HexToECDSA("4b72b6e126eb7af3954c3f291c9d828c44001f521ec28c0e6500c210d0f15531")

// ok: secrets.crypto.private-key-hex
var signer, _ = crypto.HexToECDSA(os.Getenv("PAYOUT_KEY"))
