package storetest

// script is the alphabet of a name: plain Latin, Latin with accents or
// Cyrillic.
type script int

const (
	latin script = iota
	accented
	cyrillicScript
)

// script picks a script: mostly plain Latin, some accented, some Cyrillic.
func (g *gen) script() script {
	switch r := g.rng.Float64(); {
	case r < 0.12:
		return cyrillicScript
	case r < 0.30:
		return accented
	}
	return latin
}

// personName invents a first and last name.
func (g *gen) personName() (first, last string) {
	sc := g.script()
	return g.firstName(sc), g.lastName(sc)
}

func (g *gen) firstName(sc script) string {
	switch sc {
	case cyrillicScript:
		return g.pick(cyrFirstStart) + g.pick(cyrFirstEnd)
	case accented:
		return g.pick(accentFirstStart) + g.pick(accentFirstEnd)
	}
	return g.pick(latinFirstStart) + g.pick(latinFirstEnd)
}

func (g *gen) lastName(sc script) string {
	switch sc {
	case cyrillicScript:
		return g.pick(cyrLastStart) + g.pick(cyrLastEnd)
	case accented:
		return g.pick(accentLastStart) + g.pick(accentLastEnd)
	}
	return g.pick(latinLastStart) + g.pick(latinLastEnd)
}
