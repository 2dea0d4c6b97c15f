publish:
	# ruleid: secrets.generic.command-line-password
	curl --fail --user "release:Vb6nQx3mLt8wKz2pRc" -T dist.tgz https://repo.internal/upload

fetch:
	# ok: secrets.generic.command-line-password
	curl --fail --user "$(REPO_USER):$(REPO_PASS)" -O https://repo.internal/dist.tgz
