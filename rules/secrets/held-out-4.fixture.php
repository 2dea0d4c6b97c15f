<?php
// Shapes of the false positives found by the fourth held-out study (docs/accuracy.md), with values of our own.
final class Version20990101000000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        // Doctrine's generated index and constraint names, under a table named `..._tokens`.
        // ok: secrets.generic.token-assignment
        $this->renameForeignKey('shop_refresh_tokens', 'FK_9A3C41E7D2B8F605', 'user', 'user_id');
        // ok: secrets.generic.token-assignment
        $this->renameIndex('shop_access_tokens', 'idx_7be2c9d04a1f3e86', 'client_id');
        // ok: secrets.generic.token-assignment
        $this->renameIndex('shop_access_tokens', 'UNIQ_5D1E8B3A9C04F27E', 'token');
        // ruleid: secrets.generic.token-assignment
        $this->setToken('shop_access_tokens', 'kT9vQ2mXw7Lp4Rz8Nb3Yc6Hd');
    }
}

final class ChangePassword
{
    public function rules(): array
    {
        // Laravel validation rules are not a password.
        return [
            // ok: secrets.generic.password-assignment
            'password' => 'required|alpha_dash|string|min:8|max:255',
            // ok: secrets.generic.password-assignment
            'password' => 'nullable|string|confirmed',
            // ruleid: secrets.generic.password-assignment
            'password' => 'Gx7|mQ2v|Lp9w',
        ];
    }

    public function token(): string
    {
        // A class constant joined with code is code.
        // ok: secrets.generic.token-assignment
        $token = SyncSupport::SYNC_TOKEN_PREFIX.$this->refreshSyncToken($this->id())->id;
        // ok: secrets.generic.token-assignment
        $token = static::$kernel->getContainer()->get(TokenStorage::class)->getToken();
        // ruleid: secrets.generic.token-assignment
        $token = 'Hq3Zt8Vw2Kx6Mp9Rb4Nc7Jd';
        return $token;
    }
}
