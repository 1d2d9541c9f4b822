package storetest

import "kamdesk/dossier"

// The tables the generator invents its workspaces from. Names are put
// together from syllables, so no real person or company is named; the
// sentences read like the notes of a key account team that sells building
// controls (the sample workspace's Veldmark).

// Syllables of invented names: Latin, accented Latin and Cyrillic.
var (
	latinFirstStart = []string{"Al", "Ar", "Be", "Cal", "Da", "E", "El", "Fe", "Ga", "Hen", "I", "Ja", "Ka", "La",
		"Li", "Ma", "Mi", "Na", "O", "Pe", "Ro", "Sa", "Se", "Ta", "Te", "Vi", "Wil", "Yo"}
	latinFirstEnd = []string{"na", "ra", "la", "ria", "nia", "lia", "n", "ne", "rt", "ris", "nas", "do", "ro",
		"mon", "vin", "ssa", "tta", "bel", "da", "rek", "lyn", "den"}
	latinLastStart = []string{"Ash", "Bar", "Brad", "Carr", "Dun", "Eller", "Fair", "Gar", "Hal", "Hol", "Kes",
		"Lang", "Mar", "Mor", "Nor", "Pem", "Rad", "Ros", "Stan", "Thorn", "Wal", "Wes", "Whit", "Win"}
	latinLastEnd = []string{"ley", "ton", "field", "more", "wood", "ford", "well", "by", "bridge", "ham", "croft",
		"worth", "sby", "hurst", "ing", "ridge"}

	accentFirstStart = []string{"Jür", "Ré", "Sø", "Lu", "Ma", "Jo", "Ag", "Ra", "Fran", "Ste", "Bé", "Zo"}
	accentFirstEnd   = []string{"gen", "né", "ren", "cía", "rië", "sé", "nès", "món", "çois", "fán", "atrice", "ë"}
	accentLastStart  = []string{"Mü", "Bö", "Gar", "Ló", "Ně", "Sø", "Ka", "Fe", "Ibá", "Wój", "Å", "Brä"}
	accentLastEnd    = []string{"ller", "hm", "cía", "pez", "mec", "rensen", "ñez", "rnández", "čić", "ström", "nn", "ßler"}

	cyrFirstStart = []string{"Алек", "Ми", "На", "Оль", "Сер", "Ив", "Ели", "Дми", "Та", "Ксе", "Ан", "Ва"}
	cyrFirstEnd   = []string{"сей", "хаил", "талья", "га", "гей", "ан", "зар", "трий", "тьяна", "ния", "на", "дим"}
	cyrLastStart  = []string{"Смир", "Ива", "Кузне", "Попо", "Соко", "Лебе", "Козло", "Нови", "Моро", "Волко", "Зай", "Пав"}
	cyrLastEnd    = []string{"нов", "цов", "ва", "ев", "лов", "ков", "дева", "цев", "ин", "ченко"}

	brandStart  = []string{"Nor", "Cal", "Ver", "Hal", "Bright", "Ash", "Mer", "Stan", "Oak", "Kel", "Tor", "West", "Lin", "Gran", "Fal", "Ros", "Dal", "Arden", "Cor", "Sil"}
	brandEnd    = []string{"bridge", "vane", "dera", "mark", "ford", "idian", "croft", "haven", "ton", "wick", "more", "gate", "field", "stone", "moor", "vale"}
	accentBrand = []string{"Brännström", "Søndergaard", "Lúcio", "Gärtner", "Nørrevang", "Ibáñez", "Château-Roux", "Dvořák"}
	cyrBrand    = []string{"Северстрой", "Волгатранс", "Уралэнерго", "Балтика-Холл", "Ладога", "Приморье"}
)

// industry is a line of business: the suffixes of its company names, its
// segments and its sites.
type industry struct {
	name     string
	suffixes []string
	segments []string
	sites    []string
}

var industries = []industry{
	{"Construction", []string{"Build Group", "Construction", "Homes"},
		[]string{"Residential and factory-built modular housing", "Commercial offices and retail parks", "Schools and hospitals under public frameworks"},
		[]string{"Doncaster plant", "Leeds head office", "Wakefield show homes", "Sheffield depot"}},
	{"Private banking", []string{"Private Bank", "Bank", "& Co."},
		[]string{"Private clients in London and the South East", "Family offices and trusts"},
		[]string{"City head office", "Edinburgh branch", "data centre in Slough"}},
	{"Hospitality (hotel chain)", []string{"Hotels", "Resorts", "Inns"},
		[]string{"Four-star city hotels", "Country house hotels and spas", "Airport hotels"},
		[]string{"Manchester hotel", "Heathrow hotel", "Bath spa", "central reservations"}},
	{"Logistics and cold-chain warehousing", []string{"Freight", "Logistics", "Distribution"},
		[]string{"Temperature-controlled pharma distribution", "Retail distribution centres", "Port logistics on the Humber"},
		[]string{"Hull warehouse", "Immingham terminal", "Daventry hub"}},
	{"Healthcare", []string{"Health", "Clinics", "Care"},
		[]string{"Private hospitals", "Care homes in the Midlands", "Diagnostic centres"},
		[]string{"Birmingham hospital", "Nottingham clinic", "head office"}},
	{"Retail", []string{"Retail", "Stores", "Markets"},
		[]string{"Supermarkets in the North", "Garden centres", "Department stores"},
		[]string{"York store", "distribution centre", "flagship store"}},
	{"Manufacturing", []string{"Industries", "Works", "Engineering"},
		[]string{"Food processing", "Automotive parts", "Precision machining"},
		[]string{"Coventry plant", "Derby works", "Telford factory"}},
	{"Energy", []string{"Energy", "Power", "Renewables"},
		[]string{"District heating networks", "Onshore wind and storage", "Biomass plants"},
		[]string{"control room", "Drax site", "Aberdeen office"}},
	{"Higher education", []string{"University", "College", "Academies"},
		[]string{"Campus estates", "Student accommodation", "Research laboratories"},
		[]string{"main campus", "science park", "halls of residence"}},
	{"Real estate", []string{"Properties", "Estates", "REIT"},
		[]string{"Office portfolio in regional cities", "Build-to-rent apartments", "Logistics parks"},
		[]string{"Canary Wharf tower", "Salford Quays block", "Bristol portfolio"}},
}

// function is a part of a client organisation: its department, job
// titles, stakeholder type and usual part in buying.
type function struct {
	dept   string
	titles []string
	typ    dossier.StakeholderType
	roles  []dossier.BuyingRole
}

var topTitles = []string{"Managing Director", "Chief Executive", "Chief Operating Officer", "General Manager", "Group Chief Executive"}

var functions = []function{
	{"Finance", []string{"Finance Director", "Chief Financial Officer", "Financial Controller", "Finance Business Partner", "Head of Financial Planning"},
		dossier.Finance, []dossier.BuyingRole{dossier.RoleApprover, dossier.RoleApprover, dossier.RoleInfluencer}},
	{"People", []string{"HR Director", "Head of People", "HR Business Partner", "Learning and Development Lead"},
		dossier.HR, []dossier.BuyingRole{dossier.RoleInfluencer, dossier.RoleUser}},
	{"Engineering", []string{"Head of Engineering", "Chief Technology Officer", "Senior Building Systems Engineer", "Engineering Manager"},
		dossier.Technical, []dossier.BuyingRole{dossier.RoleEvaluator, dossier.RoleInfluencer}},
	{"Property and Facilities", []string{"Head of Property and Facilities", "Facilities Manager", "Energy Manager", "Maintenance Supervisor"},
		dossier.Technical, []dossier.BuyingRole{dossier.RoleUser, dossier.RoleEvaluator}},
	{"Procurement", []string{"Procurement Director", "Category Manager, Building Services", "Senior Buyer"},
		dossier.OtherType, []dossier.BuyingRole{dossier.RoleGatekeeper, dossier.RoleEvaluator}},
	{"Operations", []string{"Operations Director", "Regional Operations Manager", "Plant Manager", "Site Manager"},
		dossier.Executive, []dossier.BuyingRole{dossier.RoleUser, dossier.RoleInfluencer}},
	{"IT", []string{"IT Director", "Head of Infrastructure", "IT Security Lead"},
		dossier.Technical, []dossier.BuyingRole{dossier.RoleEvaluator, dossier.RoleGatekeeper}},
	{"Quality and Compliance", []string{"Head of Quality", "Compliance Manager", "Health and Safety Lead"},
		dossier.Technical, []dossier.BuyingRole{dossier.RoleEvaluator}},
	{"Sustainability", []string{"Head of Sustainability", "ESG Analyst"},
		dossier.OtherType, []dossier.BuyingRole{dossier.RoleInfluencer}},
	{"Legal", []string{"General Counsel", "Contracts Manager"},
		dossier.OtherType, []dossier.BuyingRole{dossier.RoleApprover, dossier.RoleGatekeeper}},
	{"Executive office", []string{"Executive Assistant to the CEO", "Chief of Staff"},
		dossier.OtherType, []dossier.BuyingRole{dossier.RoleGatekeeper}},
}

var hobbies = []string{
	"Fell running; finished the Three Peaks last summer",
	"restoring a 1970s narrowboat", "captain of the local chess club", "season ticket at the rugby league",
	"sings alto in a community choir", "sea swimming in summer", "builds home automation on Raspberry Pi boards",
	"village cricket on Sundays", "carp fishing", "plays in a pub darts league", "pottery classes",
	"weekend cycling in the Dales", "sails a classic wooden yacht", "opera", "half marathons", "learning Italian",
	"tennis", "walks long-distance paths in stages", "climbing", "builds mechanical keyboards", "amateur dramatics",
	"gardening, grows prize dahlias", "salsa dancing", "collects vintage posters", "cooks for friends every Sunday",
	"coaches a youth football team", "trail running", "golf (handicap 14)", "real ales", "flamenco", "photography",
	"long-distance cycling", "restored an old Land Rover", "parkrun every Saturday", "crime novels", "baking",
	"volunteers at a food bank", "plays guitar in a covers band", "birdwatching on the coast", "jazz piano",
	"skiing in the Alps every February", "woodturning", "astronomy", "board games with the family",
}

var values = []string{
	"straight talk", "delivery dates that hold", "apprentices trained on their own sites", "numbers before opinions",
	"loyalty to people who kept their word", "safety above schedule", "a written summary after every meeting",
	"local suppliers", "no surprises on the invoice", "long-term partnerships", "sustainability targets met, not promised",
	"respect for the maintenance crews", "punctuality", "clear ownership of every action",
}

var jobs = []string{"a secondary school teacher", "a GP", "an architect", "a nurse", "a solicitor", "a civil engineer",
	"a journalist", "a pharmacist", "a police officer", "a software developer", "a vet", "a musician"}

var personNotes = []string{
	"Wants a one-page summary two days before any meeting and reads the numbers herself.",
	"Prefers calls early in the morning, before the site opens.",
	"Sceptical since the commissioning delays of last year; needs facts and figures, not slides.",
	"Introduced us to the operations team; a natural sponsor if we keep our promises.",
	"Answers e-mail only on Fridays; for anything urgent, call the assistant.",
	"Reports to the board every quarter on energy costs; our savings figures help him there.",
	"Has worked with a competitor for ten years and knows their product well.",
	"Asked for references from similar projects before the next meeting.",
	"Joined from a competitor client last spring; still finding her feet.",
	"Runs the monthly site meetings; invites us when controls are on the agenda.",
	"Likes to see the product working: offer a visit to a reference site.",
	"Keeps a tight budget; every proposal must show the payback period.",
	"Will retire in two years; his deputy is taking over many of his contacts.",
	"Reads everything in detail and comes back with written questions.",
	"Appreciates being asked for her opinion before a proposal goes out.",
}

var strategies = []string{
	"{{A}} is moving a third of its output to factory-built modules by {{Y}}, and wants one controls platform commissioned in the factory.",
	"The board of {{A}} approved a programme to cut energy use across its estate by {{N}}% by {{Y}}.",
	"{{A}} is consolidating its suppliers: from {{N}} building-services contractors to three preferred partners.",
	"After the merger, {{A}} is standardising the systems of both estates on one platform.",
	"{{A}} is expanding into the North with {{N}} new sites over the next four years.",
	"{{A}} wants every site to report energy and comfort data to one dashboard by {{Y}}.",
	"Margins are under pressure: {{A}} is looking for savings in maintenance rather than new capital spending.",
	"{{A}} has committed publicly to net zero operations by {{Y}}, which drives most of its investment.",
}

var goals = []string{
	"Cut on-site commissioning per unit from 3 days to half a day by the end of {{Y}}.",
	"Reduce heating call-outs by {{N}}% against the current baseline.",
	"Meet the new building standard on every project started from {{Y}}.",
	"Bring energy costs down by {{N}}% across the estate.",
	"Win two framework contracts worth about GBP {{N}}m together.",
	"Have every site connected to the central monitoring service by {{Y}}.",
	"Halve the time maintenance crews spend on routine inspections.",
	"Train {{N}} maintenance technicians on the new systems.",
}

var accountNotes = []string{
	"Our framework agreement runs until {{Y}}; the renewal will be tendered together with the new sites.",
	"Procurement always shortlists two suppliers.",
	"Raised a tier at the last annual review after the board approved the expansion.",
	"The relationship rests on two people; widen it before the next tender.",
	"Payment terms of 60 days; invoices go through a portal that rejects anything without a purchase order.",
	"A competitor runs a pilot on one site; we should offer a comparison.",
	"They read proposals as a committee of five, finance first.",
	"The head office moved last year; most decisions are now made there.",
}

var competitors = []string{"Ferrant Controls", "Brightwell BMS", "Haldane Automation", "Corvex Systems",
	"Northlight Energy Services", "Tamsin & Croft", "Valiant Building Tech", "Oxley Controls"}

var eventTopics = []string{"the pilot results", "the renewal of the framework", "the new site", "energy savings so far",
	"the maintenance contract", "training for the technicians", "the tender timetable", "the service levels",
	"a reference visit", "the data dashboard", "the budget for next year", "the commissioning plan"}

var eventTexts = []string{
	"Went through the figures line by line; they want the savings shown per site.",
	"Agreed the next steps and a date to discuss intermediate results.",
	"The client asked how long the rollout would take on a live site.",
	"Raised the late delivery of last month and explained what we changed since.",
	"Finance joined for the second half and asked about payback.",
	"A good meeting: they mentioned us to their sister company.",
	"Left the printed summary and the reference list.",
	"They are not in a hurry; the decision is expected after the budget round.",
}

var promiseTexts = []string{
	"Send {{P}} a whole-life cost comparison per site over 15 years.",
	"Invite {{P}} to the factory acceptance test of the new controller.",
	"Send {{P}} the outline of our certified training for maintenance technicians.",
	"Arrange a reference visit for {{P}} and the engineering team.",
	"Give {{P}} a written answer on the service levels for weekend call-outs.",
	"Send {{P}} the energy report of the pilot sites.",
	"Propose dates for a workshop with {{P}} on the data dashboard.",
	"Introduce {{P}} to our head of service.",
}

var slipReasons = []string{
	"The supplier's new price list was published late; we asked for two more weeks to use current figures.",
	"Our engineer fell ill the week of the test; we apologised and proposed a new date.",
	"The reference client asked to move the visit after their own audit.",
	"We found an error in the figures and wanted to send them corrected.",
}

var privacyOccasions = []string{"the site visit", "the annual review meeting", "a dinner after the trade fair",
	"the pilot kick-off", "a call with their assistant"}

var teamTitles = []string{"Key Account Director", "Key Account Manager", "Key Account Manager", "Key Account Manager",
	"Solutions Engineer", "Bid Manager"}

var referenceProjects = []string{
	"Factory-fitted heating and ventilation controls for {{N}} homes",
	"Energy monitoring across {{N}} hotels",
	"Cold-store controls for a {{N}},000 m² warehouse",
	"Building management system for a {{N}}-bed hospital",
	"Retrofit of controls in {{N}} office buildings",
}

var referenceResults = []string{
	"Cut on-site commissioning from 2.5 days to half a day and heating call-outs by {{N}}%.",
	"Energy use down {{N}}% in the first year; payback in under three years.",
	"No temperature excursions in {{N}} months of operation.",
}
