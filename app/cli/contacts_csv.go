package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"

	"kamdesk/app/contacts"
	"kamdesk/app/i18n"
	"kamdesk/dossier"
)

// The CSV side of the imports (person import, account import): the
// mapping of the columns, given (--map), saved (--mapping,
// --save-mapping) or built in, and the format of the dates.

// csvFlags are the flags of an import of CSV files.
type csvFlags struct {
	spec, name, save, dates *string
}

// addCSVFlags adds the flags of an import of CSV files of people, or of
// accounts.
func addCSVFlags(fs *flag.FlagSet, accounts bool) *csvFlags {
	var spec *string
	if accounts {
		spec = fs.String("map", "", "how to read the columns of a CSV file: `HEADER=FIELD,...` (as 'Account Name=name,Territory=segment,Web Page=ignore'); the columns not named are read by their headers when these are field names")
	} else {
		spec = fs.String("map", "", "how to read the columns of a CSV file: `HEADER=FIELD,...` (as 'First Name=first,E-mail Address=email,Web Page=ignore'); the columns not named are read as the built-in mapping of Outlook's and Google's exports says")
	}
	return &csvFlags{
		spec:  spec,
		name:  fs.String("mapping", "", "read the columns of a CSV file with the mapping saved as `NAME` (--save-mapping)"),
		save:  fs.String("save-mapping", "", "save the mapping of the columns this import used as `NAME`, for --mapping"),
		dates: fs.String("date-format", "", "how the CSV file writes its dates: `FORMAT` such as DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD (the year may be left out); needed unless they are YYYY-MM-DD"),
	}
}

// csvSetup is what csvFlags say, read.
type csvSetup struct {
	mapping contacts.Mapping
	saved   bool // the mapping is a saved one: it may name columns a file lacks
	dates   contacts.DateFormat
}

// mappingFor returns the mapping to read the CSV file data with.
func (s csvSetup) mappingFor(data []byte) contacts.Mapping {
	if s.saved {
		return s.mapping.Only(contacts.Header(data))
	}
	return s.mapping
}

// setup reads the flags: the mapping given or saved (of kind), and the
// format of the dates.
func (f *csvFlags) setup(c *ctx, kind string, fields []string) (csvSetup, error) {
	var s csvSetup
	if *f.spec != "" && *f.name != "" {
		return s, usageError{i18n.L("give --map or --mapping, not both")}
	}
	if *f.save != "" && !dossier.ValidID(*f.save) {
		return s, usageError{errorText(dossier.ErrAs(`"{{.Name}}" is not a valid name for a mapping (lowercase letters, digits, '-' and '_')`, map[string]any{"Name": *f.save}, dossier.ErrInvalid))}
	}
	if *f.dates != "" {
		df, err := contacts.ParseDateFormat(*f.dates)
		if err != nil {
			return s, usageError{"--date-format: " + errorText(err)}
		}
		s.dates = df
	}
	switch {
	case *f.spec != "":
		m, err := contacts.ParseMapping(*f.spec, fields)
		if err != nil {
			return s, usageError{"--map: " + errorText(err)}
		}
		s.mapping = m
	case *f.name != "":
		st, err := c.store()
		if err != nil {
			return s, err
		}
		m, err := st.Mapping(kind, *f.name)
		if err != nil {
			return s, err
		}
		s.mapping, s.saved = m, true
	}
	return s, nil
}

// saveMapping saves the mapping the columns were read with, when
// --save-mapping asks, and says so (on stderr when stdout is JSON's);
// in a dry run it says it did not.
func (f *csvFlags) saveMapping(c *ctx, kind string, cols []contacts.Column, dryRun, asJSON bool) error {
	if *f.save == "" {
		return nil
	}
	if len(cols) == 0 {
		return usageError{i18n.L("--save-mapping: no CSV file was read")}
	}
	if dryRun {
		fmt.Fprintln(c.Stderr, i18n.L("Dry run: the mapping was not saved as {{.Name}}.", map[string]any{"Name": *f.save}))
		return nil
	}
	m := map[string]string{}
	for _, col := range cols {
		if col.Field != "" && col.Header != "" {
			m[col.Header] = col.Field
		}
	}
	st, err := c.store()
	if err != nil {
		return err
	}
	if err := st.SaveMapping(kind, *f.save, m); err != nil {
		return err
	}
	msg := i18n.L("Mapping saved as {{.Name}} (use it with --mapping {{.Name}}).", map[string]any{"Name": *f.save})
	if asJSON {
		fmt.Fprintln(c.Stderr, msg)
	} else {
		c.printf("%s\n", msg)
	}
	return nil
}

// printColumns says how the columns of a CSV file were read, column by
// column.
func printColumns(c *ctx, file string, cols []contacts.Column) {
	c.printf("%s\n", i18n.L("{{.File}}, column by column:", map[string]any{"File": file}))
	for _, col := range cols {
		h := col.Header
		if h == "" {
			h = i18n.L("(no header)")
		}
		var what string
		switch col.Field {
		case contacts.Ignore:
			what = i18n.L("left out")
		case "":
			what = i18n.L("unknown, left out (map it with --map)")
		default:
			what = col.Field
		}
		if col.Empty {
			what += " " + i18n.L("(empty)")
		}
		c.printf("    %s → %s\n", h, what)
	}
}

// printProblems prints the problems of the files read, and how to give
// the format of the dates when that is one of them.
func printProblems(c *ctx, probs contacts.Problems) error {
	for _, p := range probs {
		fmt.Fprintln(c.Stderr, dossier.OneLine(errorText(p)))
	}
	if slices.ContainsFunc(probs, func(p *contacts.LineError) bool { return errors.Is(p, contacts.ErrDateFormat) }) {
		fmt.Fprintln(c.Stderr, i18n.L("Say how the file writes its dates with --date-format, such as --date-format DD.MM.YYYY or --date-format MM/DD/YYYY."))
	}
	return errors.New(i18n.N("nothing imported: fix the {{.Count}} problem above and import again", len(probs), map[string]any{"Count": len(probs)}))
}

// csvFile is a CSV file read and how its columns were read.
type csvFile struct {
	File    string            `json:"file"`
	Columns []contacts.Column `json:"columns"`
}

// allColumns returns the columns of the files, each header once.
func allColumns(files []csvFile) []contacts.Column {
	var out []contacts.Column
	seen := map[string]bool{}
	for _, f := range files {
		for _, col := range f.Columns {
			if !seen[col.Header] {
				seen[col.Header] = true
				out = append(out, col)
			}
		}
	}
	return out
}
