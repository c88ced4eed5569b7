// Fixed key pairs for the JWT benchmarks, made once with `openssl genpkey` for this package only. They sign nothing
// but benchmark tokens. Fixed keys keep every run's setup identical, which `valgrind --tool=callgrind` comparisons
// (Tools/Profile) need; a fresh RSA key costs a random amount of prime searching.

/// The RSA-2048 private key (PKCS#8 PEM) that signs the RS256 benchmark token.
public let benchmarkRSAPrivateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDLCTHhBYzDFtBJ
ZPA5Ak0Pr5pcz0D1uIA2FKjfjoR2ILyQt+bawpAkQRlMcgSKNpnXHaA2TYRjI5tb
BnF8kcOBLPANSDj+f/mUjVzTCgoo4/SwNS+cupDatETWM88PXr588+s87/bYHqug
vLK2VT88hpBuf6+VPaSP598rToNfH8gTKmgGXY35wh7Vl6i+em/SOuvjS8Bj/d/6
giXOYBiVueuc851LbJBUoUvzntp69HVGcBBJmSt4SVo1Y22VTu44fChOyDQR9XdQ
NY2xFbN0pMXyhle2kZ2K4UTxtj1fEOj/ZKuH9zViQG2W4bERaxrRGVRIolRhlMAj
pmwvYDqVAgMBAAECggEAHyaW/4ZBdYEfjdMtxCFlP13a2hh2R/z5ttJuonYUPqeB
JtcAVVn6kYVnY0IvDiGYcte5x/sWr7s7z7hqWwlmLIB/iBonnGx4F2Gk90AYFPP8
i7htSKebJ+L2mMK0JxCLO1KVKfFLNxdlj7DD3pOvsxKWQE3Y25XslKOnqtZN857/
ttd3AlWoer0Tob68EKy5Iz0LwV1Rb/hXMKHIVNU76xncEd4heXf2X26phYodtEWb
1QvWWD7KQGuUuHjmhxQ/X6V9eyFv1svnCLRAljX11xkV1eXfEIeWGVuVFaSK20yz
mOpd3QFXXuQT+qSxQbtgXFpFMWiAqFSGo+LxJABSQQKBgQDlPvBHaJq+O/Opdjcz
K0yMq2FWuXC+zid/mNAM9uyMRmAK+U+dL0/qo6iPIPEHboDuZlJ+W5TwAyQVy3EB
nPmSQNBhh7dlLhTmLS9uke2NwsfbZTB4S4Ad9AxNEB1//0VIE/vBDO4q6XTmfisf
IEJ3UeYuD98UDlkjKT6UERWyZQKBgQDiuzICbQN8C15s2Rdx5fR6195RgYMmHO8E
hdL3f7OwJimZ3hDvV4Y72BpLhV3FpZXEkuDdD12cDCChQ9fQ61rFTE2sVZe4qFu/
IKYayB7naw+IRuuuHhYXNGlqAzaas6V3ewFGJwmkcqXTJw40smJAkPrx/G4pkXPN
2c1Ts9TMcQKBgGTtObHmjsIT+Olxn0nK1U/VH+yjhcyrTF5zs50RlQEI9r2+F1v3
eXKvDMW+1f7UmrTanZT90ut8JoXl5GG2b3YBTPyzWH2WNSNFX22Jl5Fi4MRpn1ZG
vyfwyv2ei65Pf3wFOEA85hpEX/AeOfPhKwIHL5S17huRWZMOVHuxreC1AoGBAK9K
YsOVXJhOgdZNkN6yFm3S70K8ipSw0eoBPLW0uUt6dbdMBHPGizVBQjMZDQJ9nmi3
1bmS46B9j8yeEwCmtSrMb1DJa9+L6kK+Dy2tgpcQIpYNnrCi+hk+oDEiAtlgApF5
O+bsz3ugV6wECeub7nJUpG7p5pGkro970E7iPadBAoGAXVXZ9A5aZt0hkLiIF3rc
NHy9j2KuMqDQsYTe2alfwkLf3zZQh9d0REf9t8LFYIPh8N2LxG/KIhQml5RMG2XJ
ncE2UZhsY0WDTYC8LHGthup7u0LZIdiS0z6UdPz9RUtueAiZfoFfdgncmwZZnqDd
I1kc2pY0mowu3dqtajKGZVU=
-----END PRIVATE KEY-----
"""

/// The P-256 private key (PKCS#8 PEM) that signs the ES256 benchmark token.
let benchmarkECPrivateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggfVRj4lfiUugm7Fn
asMJla1EAb2EMwQbLl3KjRkZ0VahRANCAASuVUKaNaDGfdQlbUBSfuEFBAa6iigD
GqCYrZZxEL4k9dfnfFdzKFKkYF7rvoXK4c3KZyHIOWQJAKcHRE+E+nPh
-----END PRIVATE KEY-----
"""
