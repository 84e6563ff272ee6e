/**
 * Passwords attackers try first (from public breach top lists), lower-cased. A password equal to one
 * of these, equal to one once leading/trailing digits and symbols are removed, or containing one of
 * eight characters or more, is refused.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 1q2w3e4r 111111 12345 1234567 1234567890 123123 000000
abc123 password1 iloveyou 1qaz2wsx qwertyuiop 654321 123321 666666 121212 dragon monkey letmein football
baseball welcome login admin administrator princess master sunshine shadow superman trustno1 michael
jennifer hunter batman starwars whatever freedom passw0rd p@ssw0rd p@ssword pa55word changeme default
secret access computer internet security cybersecurity nisc tokyo2020 olympic japan nippon tokyo sakura
password123 password1234 admin123 admin1234 root toor guest test test123 testtest qazwsx zaq12wsx
asdfghjkl asdfgh zxcvbnm zxcvbnm123 1qazxsw2 q1w2e3r4 q1w2e3r4t5 abcd1234 abcdefg abcdefgh aaaaaa
a1b2c3d4 11111111 88888888 00000000 987654321 9876543210 1234qwer qwer1234 asdf1234 pokemon naruto
onepiece doraemon anpanman hello hello123 helloworld letmein123 welcome1 welcome123 iloveyou1 loveyou
mypassword yourpassword newpassword oldpassword temppassword temp1234 summer winter spring autumn
monday friday january december kasumigaseki chiyoda government ministry cabinet strategy tracker`
    .split(/\s+/)
    .filter(Boolean),
);
