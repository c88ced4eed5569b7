/// Fixed keys generated once with the `openssl` command-line tool for these tests (not secrets of anything).
enum TestKeys {
    /// A 1024-bit RSA public key (too small: must be rejected).
    static let rsa1024PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDOk0br1h51M8h6IS7jy6Ms8QgX
        Eq+A6tTLZE82/HRa+JYntHW4hsq1GlPGJe1+IZVVOsgAlDzLizfM0JdJzM77CxpY
        C4fsE+vWnJNwXJc7FtlO19SedawAXr41w9zAPhMv79EQg7TGCWResRjTdxaXuZrr
        vPdHbfdYTmW/SJw4/QIDAQAB
        -----END PUBLIC KEY-----
        """

    /// A 2048-bit RSA public key as PKCS#1 (`BEGIN RSA PUBLIC KEY`).
    static let rsa2048PKCS1PublicKeyPEM = """
        -----BEGIN RSA PUBLIC KEY-----
        MIIBCgKCAQEAnF1kEiONQZ0GP6rReiaW2jtbGlVdBjaQMgHtLZbWJMG3u/9G6Tej
        9MBnHO4WNsSJtLWFuK5ChfZ4vPsMEDEvNmuzBGxTM7sPYqln9tVibj6f5iMOOdrw
        M3wpJ85O8ilKDPBT4FCpyDynegbpmXP5EbagYcV0l4lT8NjS+i7IinhyrUGHJ13R
        G4g0hyWNzAqwghueI+nF7S+KlZ+2lDUixaLoDGeNLbHVZJB7NWmITiBrMY/Ccpxn
        zJso9evEaFrqrjGc2Xp05wlKn/zjIdK3KPJVIaeCUEFhrf4sDNvrV3N7CLdza4Rh
        +FclWeZaZZiuRhE6zv9/D4PkSiVsHBmSQwIDAQAB
        -----END RSA PUBLIC KEY-----
        """

    /// The same key as SubjectPublicKeyInfo.
    static let rsa2048PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnF1kEiONQZ0GP6rReiaW
        2jtbGlVdBjaQMgHtLZbWJMG3u/9G6Tej9MBnHO4WNsSJtLWFuK5ChfZ4vPsMEDEv
        NmuzBGxTM7sPYqln9tVibj6f5iMOOdrwM3wpJ85O8ilKDPBT4FCpyDynegbpmXP5
        EbagYcV0l4lT8NjS+i7IinhyrUGHJ13RG4g0hyWNzAqwghueI+nF7S+KlZ+2lDUi
        xaLoDGeNLbHVZJB7NWmITiBrMY/CcpxnzJso9evEaFrqrjGc2Xp05wlKn/zjIdK3
        KPJVIaeCUEFhrf4sDNvrV3N7CLdza4Rh+FclWeZaZZiuRhE6zv9/D4PkSiVsHBmS
        QwIDAQAB
        -----END PUBLIC KEY-----
        """

    /// The same key's private half in the traditional `BEGIN RSA PRIVATE KEY` form.
    static let rsa2048TraditionalPrivateKeyPEM = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEowIBAAKCAQEAnF1kEiONQZ0GP6rReiaW2jtbGlVdBjaQMgHtLZbWJMG3u/9G
        6Tej9MBnHO4WNsSJtLWFuK5ChfZ4vPsMEDEvNmuzBGxTM7sPYqln9tVibj6f5iMO
        OdrwM3wpJ85O8ilKDPBT4FCpyDynegbpmXP5EbagYcV0l4lT8NjS+i7IinhyrUGH
        J13RG4g0hyWNzAqwghueI+nF7S+KlZ+2lDUixaLoDGeNLbHVZJB7NWmITiBrMY/C
        cpxnzJso9evEaFrqrjGc2Xp05wlKn/zjIdK3KPJVIaeCUEFhrf4sDNvrV3N7CLdz
        a4Rh+FclWeZaZZiuRhE6zv9/D4PkSiVsHBmSQwIDAQABAoIBAAXLnFLjyG9/H2Uq
        sprhZUPvYUAHm+wIB64iziSba5JvL50jKACq1EPVAb1bwa0D+cqd07f1lXebm/v9
        HgRXnlVZBoiKb0cCjt5sQvMuE3jcj1abRAK276Io3umfxuNIznrOSX2N380RGm/2
        Y6ARYVDbwPP+uoSHTXomvyMQqtQe9dsJYoKQAYdaKcInXIpljRwgdPq74FN2y25t
        aQFwpv1sgW9LMTaD2CxAdl6iPsmquGiQSge043RHKIDvU6b6aLaPvQFw8Rr3be3I
        7HwA40952oh6bCWjjZZZWSmoeCf+Gos5cv+kHaZC9qtCI8DiAVvpdfi4vZfc5MPx
        ybFdEgkCgYEA1qRL4PeJnoRPeXu0b3YiPozlrFA8aCiNknU7JN6+spdaZomt06ER
        egCYK2gUfC5W/+vPUCeoAe8lJrie+PGt5hsJxT0TeBrxalc25JS8l3mzt0l8P6b3
        XK/54WCuL3Q+jJMxv/oxlOHVchKVIMw3QW1csukZtWIpnJqTI8ayVo8CgYEAun5y
        ln0iEtRh0oOT0zc6mTKzWe9pK6ukTIXnNghWdXFC1F7uXjRNBh4HAFNT1/a8PKik
        dGaugVrrcJOHitNPWxsQs4wtYp3f7GHEYpOv2/vZHzt0O2H4NeeuIayImjfqXKpu
        LL2dtH3VLdPTmFhg32rnjazpBZUPmG8eLXFAgw0CgYB7LkDps8YD9fTSSD8t9IME
        mMG6WTXBpPxSf/rYVwjj316fGAZtPLOV679oscuH1ORS7RbF7mxJ59/PUAbT4Ycm
        VoAN9NY2iGfh2nmDRyTQXaTY3FB1CzJMvCVQxbZRP4oiDNtxTHml8tEXLTjuYKSZ
        ZNTdTE9XvCUbXc5xqrdwWwKBgF8ajrr5sz+g+QXOvbrvpj1r4pSRh7OSg2XWv1MJ
        q3WWvbrpcmuuBj2BYJak59PxaosQgVUu6/zhbcFqKqv8GLLgOYMmkBqDYib8sJaI
        tBzd8RqBSkPiMR7kOCPKBZuHukdpTmgYhmz94pHNPVGqeDRXIyBXtjl3i41z1RLd
        d0WdAoGBAJW7HzcbfegUcxQ7Zeh9IZae75DAdw0Cm2kltgymLKArq956s0WF0QQs
        D70hOCw1KLwtprSmeW8ftmnoBuJRtoE/GMVTY5m8nlKmnq/OSv3//8LtgfsB0PVf
        L3Uli/A6NL0lIJJ6eghoiMI3PV5REFQH9S7It8NLHmVE6kK2nc2q
        -----END RSA PRIVATE KEY-----
        """

    /// A P-256 private key in the traditional `BEGIN EC PRIVATE KEY` form.
    static let p256TraditionalPrivateKeyPEM = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIIJ9g2uLOEGjrhgYLprDb3sU4IEgubmw+ApR5HTZagOfoAoGCCqGSM49
        AwEHoUQDQgAEN95ff9Kht4yMQl7AR42mGXWLXcDUN+aRfQIBOPrlrg/VYXXLBGGC
        Tuk4QiiV+dSje6xujfrgGMrc95J7z6SW5g==
        -----END EC PRIVATE KEY-----
        """

    /// Its public half.
    static let p256PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEN95ff9Kht4yMQl7AR42mGXWLXcDU
        N+aRfQIBOPrlrg/VYXXLBGGCTuk4QiiV+dSje6xujfrgGMrc95J7z6SW5g==
        -----END PUBLIC KEY-----
        """
}
