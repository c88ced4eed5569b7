#ifndef CWEBHOOKCRYPTOSHIMS_H
#define CWEBHOOKCRYPTOSHIMS_H

#include <stddef.h>

/* Frees memory that OpenSSL allocated (OPENSSL_free is a macro Swift cannot call). */
void CWebhookCryptoShims_free(void *pointer);

/* The EVP_PKEY_PUBLIC_KEY selection (a macro built from other macros). */
int CWebhookCryptoShims_selection_public_key(void);

#endif
