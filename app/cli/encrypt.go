package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"

	"golang.org/x/term"

	"kamdesk/app/i18n"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

func init() {
	register(
		command{name: "encrypt", summary: "encrypt the workspace at rest with a passphrase (--passphrase-file, or asked on the terminal)", setup: encryptCmd},
		command{name: "passphrase change", summary: "give an encrypted workspace a new passphrase (--new-passphrase-file, or asked)", setup: passphraseChange},
		command{name: "decrypt", summary: "remove the encryption of the workspace", setup: decryptCmd},
	)
}

// passphrase reads a passphrase from file, else asks on the terminal.
// The file holds the passphrase on its first line.
func (c *ctx) passphrase(prompt, file string) ([]byte, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, dossier.Err("the passphrase file", nil, err)
		}
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[:i]
		}
		return bytes.TrimRight(b, "\r"), nil
	}
	if c.Terminal == nil {
		return nil, errors.New(i18n.L("the workspace is encrypted: give its passphrase with --passphrase-file FILE or KAMDESK_PASSPHRASE_FILE"))
	}
	return c.Terminal(prompt)
}

// terminalPassphrase reads a passphrase on the terminal without echo.
func terminalPassphrase(prompt string) ([]byte, error) {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return nil, errors.New(i18n.L("the workspace is encrypted: give its passphrase with --passphrase-file FILE or KAMDESK_PASSPHRASE_FILE"))
	}
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(os.Stderr)
	return b, err
}

// newPassphrase reads a new passphrase from file, else asks twice.
func (c *ctx) newPassphrase(file string) ([]byte, error) {
	if file != "" {
		return c.passphrase("", file)
	}
	p, err := c.passphrase(i18n.L("New passphrase (at least 8 characters): "), "")
	if err != nil {
		return nil, err
	}
	again, err := c.passphrase(i18n.L("The same again: "), "")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(p, again) {
		return nil, errors.New(i18n.L("the two passphrases differ; nothing was changed"))
	}
	return p, nil
}

func encryptCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		p, err := c.newPassphrase(c.global.PassphraseFile)
		if err != nil {
			return err
		}
		if err := store.Encrypt(c.global.DataDir, p); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("The workspace {{.Dir}} is encrypted. Keep the passphrase safe: without it the data cannot be read.",
			map[string]any{"Dir": c.global.DataDir}))
		return nil
	}
}

func passphraseChange(fs *flag.FlagSet) func(*ctx, []string) error {
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from `FILE` (default: ask twice on the terminal)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		old, err := c.passphrase(i18n.L("Current passphrase: "), c.global.PassphraseFile)
		if err != nil {
			return err
		}
		p, err := c.newPassphrase(*newFile)
		if err != nil {
			return err
		}
		if err := store.ChangePassphrase(c.global.DataDir, old, p); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("The passphrase is changed."))
		return nil
	}
}

func decryptCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		p, err := c.passphrase(i18n.L("Passphrase of the workspace: "), c.global.PassphraseFile)
		if err != nil {
			return err
		}
		if err := store.Decrypt(c.global.DataDir, p); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("The workspace {{.Dir}} is no longer encrypted.", map[string]any{"Dir": c.global.DataDir}))
		return nil
	}
}
