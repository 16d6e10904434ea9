"""The call chain: signing, retry, encryption and credential refresh."""
