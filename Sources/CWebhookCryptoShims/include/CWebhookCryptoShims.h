#ifndef CWEBHOOKCRYPTOSHIMS_H
#define CWEBHOOKCRYPTOSHIMS_H

#include <stddef.h>

/* Frees memory that OpenSSL allocated (OPENSSL_free is a macro Swift cannot call). */
void CWebhookCryptoShims_free(void *pointer);

#endif
