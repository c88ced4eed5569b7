#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include "CWebhookCryptoShims.h"

void CWebhookCryptoShims_free(void *pointer) {
    OPENSSL_free(pointer);
}

int CWebhookCryptoShims_selection_public_key(void) {
    return EVP_PKEY_PUBLIC_KEY;
}
