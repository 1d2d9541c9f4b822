package proposal

import "golang.org/x/text/feature/plural"

// words are what kamdesk itself writes into a proposal, in one language.
// {name} marks a value filled in (fill). The register is the glossary's:
// ru «Вы», bg „Вие“, hu „Ön“, nb «dere» to the client's team, fil «po»
// with «inyo».
type words struct {
	forLine, forCover, date                 string // "For {who}", "For {account}", "Date: {date}"
	references, pricing, financial, credits string // block titles
	validity, contents                      string
	result, recommends                      string // "Result: {text}", "Will gladly recommend us: {who}"
	// the pricing table
	description, quantity, unit, unitPrice, discount, amount string
	totalBefore, discountOf, total                           string // {cur}
	execPricing, execTotal, execDiscount                     string // {totals}; {money}; {discount}
	// the financial result: for executives a sentence, else a list
	investmentOnly, gainOnly, investmentAndGain    string // {investment}, {gain}
	paysBack, roiOver, and                         string // {months}; {years}, {roi}
	investmentItem, gainItem, paybackItem, roiItem string
	// credits and validity
	creditsIntro, noCredits          string
	validUntil, validDays, guarantee string // {date}; {days}, {issued}
	noValidity                       string
	// the cover page and the page footer
	coverDate, coverRevision, coverValidUntil string
	page                                      string // {page}, {pages}: CSS content of the footer
	days, months, years                       map[plural.Form]string
	audiences                                 map[Audience]string // in the file name and {{audience}}
	tasks                                     map[TaskKind]string // the follow-up steps after sending
}

var wordsOf = map[string]*words{
	"en": {
		forLine: "For {who}", forCover: "For {account}", date: "Date: {date}",
		references: "References", pricing: "Pricing", financial: "Financial result", credits: "Prepared by",
		validity: "Validity", contents: "Contents",
		result: "Result: {text}", recommends: "Will gladly recommend us: {who}",
		description: "Description", quantity: "Quantity", unit: "Unit", unitPrice: "Unit price", discount: "Discount", amount: "Amount",
		totalBefore: "Total {cur} before discount", discountOf: "Discount {cur}", total: "Total {cur}",
		execPricing: "Investment: {totals}", execTotal: "{money} net total", execDiscount: ", a discount of {discount} included",
		investmentOnly: "An investment of {investment}", gainOnly: "A yearly gain of {gain}",
		investmentAndGain: "An investment of {investment} brings a yearly gain of {gain}",
		paysBack:          "it pays back in {months}", roiOver: "the return on investment over {years} is {roi}", and: ", and ",
		investmentItem: "Investment: {investment}", gainItem: "Yearly gain: {gain}", paybackItem: "Payback: {months}",
		roiItem:      "Return on investment over {years}: {roi}",
		creditsIntro: "This proposal was prepared by a project team. Each of us will gladly answer your questions.",
		noCredits:    "No team member is credited yet.",
		validUntil:   "Valid until {date}", validDays: " ({days} from {issued})",
		guarantee: "Our services depend on people and materials, and the market moves: the validity is our guarantee " +
			"that the prices and conditions of this proposal hold until that date.",
		noValidity: "Validity not set.",
		coverDate:  "Date", coverRevision: "Revision", coverValidUntil: "Valid until",
		page:      `"Page " counter(page) " of " counter(pages)`,
		days:      map[plural.Form]string{plural.One: "day", plural.Other: "days"},
		months:    map[plural.Form]string{plural.One: "month", plural.Other: "months"},
		years:     map[plural.Form]string{plural.One: "year", plural.Other: "years"},
		audiences: map[Audience]string{Executive: "Executive", HR: "HR", Finance: "Finance", Technical: "Technical", All: "Whole group"},
		tasks:     map[TaskKind]string{TaskReceipt: "Check the proposal arrived", TaskNextSteps: "Ask about next steps", TaskConsideration: "Ask how long they need to consider it", TaskMeeting: "Agree a call or meeting on intermediate results"},
	},
	"ru": {
		forLine: "Кому: {who}", forCover: "Для {account}", date: "Дата: {date}",
		references: "Рекомендации", pricing: "Стоимость", financial: "Финансовый результат", credits: "Предложение подготовили",
		validity: "Срок действия", contents: "Содержание",
		result: "Результат: {text}", recommends: "Охотно даст рекомендацию: {who}",
		description: "Наименование", quantity: "Кол-во", unit: "Ед.", unitPrice: "Цена за ед.", discount: "Скидка", amount: "Сумма",
		totalBefore: "Итого {cur} без скидки", discountOf: "Скидка {cur}", total: "Итого {cur}",
		execPricing: "Инвестиции: {totals}", execTotal: "итого {money}", execDiscount: " с учётом скидки {discount}",
		investmentOnly: "Инвестиции в размере {investment}", gainOnly: "Ежегодная выгода в размере {gain}",
		investmentAndGain: "Инвестиции в размере {investment} приносят ежегодную выгоду в размере {gain}",
		paysBack:          "они окупаются за {months}", roiOver: "рентабельность инвестиций за {years} составляет {roi}", and: ", а ",
		investmentItem: "Инвестиции: {investment}", gainItem: "Ежегодная выгода: {gain}", paybackItem: "Срок окупаемости: {months}",
		roiItem:      "Рентабельность инвестиций за {years}: {roi}",
		creditsIntro: "Это предложение подготовила команда проекта. Каждый из нас с удовольствием ответит на Ваши вопросы.",
		noCredits:    "Участники команды пока не указаны.",
		validUntil:   "Предложение действительно до {date}", validDays: " ({days} с {issued})",
		guarantee: "Наши услуги зависят от людей и материалов, а рынок меняется: срок действия — наша гарантия того, " +
			"что цены и условия этого предложения сохранятся до указанной даты.",
		noValidity: "Срок действия не указан.",
		coverDate:  "Дата", coverRevision: "Редакция", coverValidUntil: "Действительно до",
		page:      `"Страница " counter(page) " из " counter(pages)`,
		days:      map[plural.Form]string{plural.One: "день", plural.Few: "дня", plural.Many: "дней", plural.Other: "дня"},
		months:    map[plural.Form]string{plural.One: "месяц", plural.Few: "месяца", plural.Many: "месяцев", plural.Other: "месяца"},
		years:     map[plural.Form]string{plural.One: "год", plural.Few: "года", plural.Many: "лет", plural.Other: "года"},
		audiences: map[Audience]string{Executive: "Руководство", HR: "HR", Finance: "Финансы", Technical: "Технические специалисты", All: "Вся группа"},
		tasks:     map[TaskKind]string{TaskReceipt: "Проверить, что предложение получено", TaskNextSteps: "Спросить о следующих шагах", TaskConsideration: "Спросить, сколько времени нужно на рассмотрение", TaskMeeting: "Договориться о звонке или встрече по промежуточным результатам"},
	},
	"bg": {
		forLine: "До: {who}", forCover: "За {account}", date: "Дата: {date}",
		references: "Референции", pricing: "Цени", financial: "Финансов резултат", credits: "Изготвено от",
		validity: "Срок на валидност", contents: "Съдържание",
		result: "Резултат: {text}", recommends: "С готовност ще ни препоръча: {who}",
		description: "Описание", quantity: "Количество", unit: "Мярка", unitPrice: "Единична цена", discount: "Отстъпка", amount: "Сума",
		totalBefore: "Общо {cur} преди отстъпка", discountOf: "Отстъпка {cur}", total: "Общо {cur}",
		execPricing: "Инвестиция: {totals}", execTotal: "общо {money}", execDiscount: ", включително отстъпка от {discount}",
		investmentOnly: "Инвестиция от {investment}", gainOnly: "Годишна полза от {gain}",
		investmentAndGain: "Инвестиция от {investment} носи годишна полза от {gain}",
		paysBack:          "тя се изплаща за {months}", roiOver: "възвръщаемостта на инвестицията за {years} е {roi}", and: ", а ",
		investmentItem: "Инвестиция: {investment}", gainItem: "Годишна полза: {gain}", paybackItem: "Срок на откупуване: {months}",
		roiItem:      "Възвръщаемост на инвестицията за {years}: {roi}",
		creditsIntro: "Това предложение е изготвено от екипа на проекта. Всеки от нас с удоволствие ще отговори на Вашите въпроси.",
		noCredits:    "Все още не е посочен член на екипа.",
		validUntil:   "Валидно до {date}", validDays: " ({days} от {issued})",
		guarantee: "Нашите услуги зависят от хора и материали, а пазарът се променя: срокът на валидност е нашата гаранция, " +
			"че цените и условията на това предложение остават в сила до тази дата.",
		noValidity: "Срокът на валидност не е посочен.",
		coverDate:  "Дата", coverRevision: "Редакция", coverValidUntil: "Валидно до",
		page:      `"Страница " counter(page) " от " counter(pages)`,
		days:      map[plural.Form]string{plural.One: "ден", plural.Other: "дни"},
		months:    map[plural.Form]string{plural.One: "месец", plural.Other: "месеца"},
		years:     map[plural.Form]string{plural.One: "година", plural.Other: "години"},
		audiences: map[Audience]string{Executive: "Ръководство", HR: "HR", Finance: "Финанси", Technical: "Технически специалисти", All: "Цялата група"},
		tasks:     map[TaskKind]string{TaskReceipt: "Проверете дали предложението е получено", TaskNextSteps: "Попитайте за следващите стъпки", TaskConsideration: "Попитайте колко време е нужно за обмисляне", TaskMeeting: "Договорете обаждане или среща за междинните резултати"},
	},
	"hu": {
		forLine: "Címzett: {who}", forCover: "{account} részére", date: "Dátum: {date}",
		references: "Referenciák", pricing: "Árak", financial: "Pénzügyi eredmény", credits: "Az ajánlatot készítették",
		validity: "Érvényesség", contents: "Tartalom",
		result: "Eredmény: {text}", recommends: "Szívesen ajánl minket: {who}",
		description: "Megnevezés", quantity: "Mennyiség", unit: "Egység", unitPrice: "Egységár", discount: "Kedvezmény", amount: "Összeg",
		totalBefore: "Összesen {cur}, kedvezmény nélkül", discountOf: "Kedvezmény {cur}", total: "Összesen {cur}",
		execPricing: "Befektetés: {totals}", execTotal: "összesen {money}", execDiscount: ", ebből {discount} kedvezmény",
		investmentOnly: "A befektetés összege {investment}", gainOnly: "Az éves haszon {gain}",
		investmentAndGain: "A(z) {investment} összegű befektetés évi {gain} hasznot hoz",
		paysBack:          "{months} alatt megtérül", roiOver: "a befektetés megtérülése {years} alatt {roi}", and: ", és ",
		investmentItem: "Befektetés: {investment}", gainItem: "Éves haszon: {gain}", paybackItem: "Megtérülési idő: {months}",
		roiItem:      "A befektetés megtérülése {years} alatt: {roi}",
		creditsIntro: "Ezt az ajánlatot projektcsapatunk készítette. Kérdéseivel bármelyikünkhöz szívesen fordulhat.",
		noCredits:    "Még nincs megadva csapattag.",
		validUntil:   "Érvényes: {date}", validDays: " ({days}, kiállítás: {issued})",
		guarantee: "Szolgáltatásaink emberektől és anyagoktól függnek, a piac pedig változik: az érvényesség a garanciánk arra, " +
			"hogy az ajánlat árai és feltételei eddig a napig változatlanok maradnak.",
		noValidity: "Az érvényesség nincs megadva.",
		coverDate:  "Dátum", coverRevision: "Verzió", coverValidUntil: "Érvényes",
		page:      `counter(page) ". oldal / " counter(pages)`,
		days:      map[plural.Form]string{plural.Other: "nap"},
		months:    map[plural.Form]string{plural.Other: "hónap"},
		years:     map[plural.Form]string{plural.Other: "év"},
		audiences: map[Audience]string{Executive: "Felsővezetés", HR: "HR", Finance: "Pénzügy", Technical: "Műszaki szakemberek", All: "A teljes csoport"},
		tasks:     map[TaskKind]string{TaskReceipt: "Az ajánlat megérkezésének ellenőrzése", TaskNextSteps: "Rákérdezés a következő lépésekre", TaskConsideration: "Rákérdezés, mennyi idő kell a döntéshez", TaskMeeting: "Telefonhívás vagy megbeszélés egyeztetése a részeredményekről"},
	},
	"nb": {
		forLine: "Til: {who}", forCover: "Til {account}", date: "Dato: {date}",
		references: "Referanser", pricing: "Priser", financial: "Økonomisk resultat", credits: "Utarbeidet av",
		validity: "Gyldighet", contents: "Innhold",
		result: "Resultat: {text}", recommends: "Anbefaler oss gjerne: {who}",
		description: "Beskrivelse", quantity: "Antall", unit: "Enhet", unitPrice: "Enhetspris", discount: "Rabatt", amount: "Beløp",
		totalBefore: "Totalt {cur} før rabatt", discountOf: "Rabatt {cur}", total: "Totalt {cur}",
		execPricing: "Investering: {totals}", execTotal: "totalt {money}", execDiscount: ", inkludert en rabatt på {discount}",
		investmentOnly: "En investering på {investment}", gainOnly: "En årlig gevinst på {gain}",
		investmentAndGain: "En investering på {investment} gir en årlig gevinst på {gain}",
		paysBack:          "den er tilbakebetalt på {months}", roiOver: "avkastningen på investeringen over {years} er {roi}", and: ", og ",
		investmentItem: "Investering: {investment}", gainItem: "Årlig gevinst: {gain}", paybackItem: "Tilbakebetalingstid: {months}",
		roiItem:      "Avkastning på investeringen over {years}: {roi}",
		creditsIntro: "Dette tilbudet er utarbeidet av et prosjektteam. Hver av oss svarer gjerne på spørsmålene deres.",
		noCredits:    "Ingen i teamet er oppført ennå.",
		validUntil:   "Gyldig til {date}", validDays: " ({days} fra {issued})",
		guarantee: "Tjenestene våre avhenger av mennesker og materialer, og markedet endrer seg: vedståelsesfristen er vår garanti " +
			"for at prisene og vilkårene i dette tilbudet gjelder til den datoen.",
		noValidity: "Gyldighet er ikke angitt.",
		coverDate:  "Dato", coverRevision: "Revisjon", coverValidUntil: "Gyldig til",
		page:      `"Side " counter(page) " av " counter(pages)`,
		days:      map[plural.Form]string{plural.One: "dag", plural.Other: "dager"},
		months:    map[plural.Form]string{plural.One: "måned", plural.Other: "måneder"},
		years:     map[plural.Form]string{plural.One: "år", plural.Other: "år"},
		audiences: map[Audience]string{Executive: "Toppledelse", HR: "HR", Finance: "Økonomi", Technical: "Teknisk", All: "Hele gruppen"},
		tasks:     map[TaskKind]string{TaskReceipt: "Sjekk at tilbudet er kommet frem", TaskNextSteps: "Spør om neste steg", TaskConsideration: "Spør hvor lang tid de trenger til å vurdere tilbudet", TaskMeeting: "Avtal en samtale eller et møte om foreløpige resultater"},
	},
	"fil": {
		forLine: "Para sa: {who}", forCover: "Para sa {account}", date: "Petsa: {date}",
		references: "Mga rekomendasyon", pricing: "Presyo", financial: "Resulta sa pananalapi", credits: "Inihanda ng",
		validity: "Panahon ng bisa", contents: "Nilalaman",
		result: "Resulta: {text}", recommends: "Handang magrekomenda sa amin: {who}",
		description: "Paglalarawan", quantity: "Dami", unit: "Yunit", unitPrice: "Presyo bawat yunit", discount: "Diskuwento", amount: "Halaga",
		totalBefore: "Kabuuang {cur} bago ang diskuwento", discountOf: "Diskuwento {cur}", total: "Kabuuang {cur}",
		execPricing: "Pamumuhunan: {totals}", execTotal: "kabuuang {money}", execDiscount: ", kasama ang diskuwentong {discount}",
		investmentOnly: "Ang pamumuhunang {investment}", gainOnly: "Ang taunang pakinabang na {gain}",
		investmentAndGain: "Ang pamumuhunang {investment} ay nagdudulot ng taunang pakinabang na {gain}",
		paysBack:          "mababawi ito sa loob ng {months}", roiOver: "ang balik-puhunan sa loob ng {years} ay {roi}", and: ", at ",
		investmentItem: "Pamumuhunan: {investment}", gainItem: "Taunang pakinabang: {gain}",
		paybackItem: "Panahon ng pagbawi ng puhunan: {months}", roiItem: "Balik-puhunan sa loob ng {years}: {roi}",
		creditsIntro: "Ang panukalang ito ay inihanda ng isang pangkat ng proyekto. Ikagagalak po ng bawat isa sa amin na sagutin ang inyong mga tanong.",
		noCredits:    "Wala pang nakatalang miyembro ng pangkat.",
		validUntil:   "May bisa hanggang {date}", validDays: " ({days} mula {issued})",
		guarantee: "Nakasalalay ang aming mga serbisyo sa mga tao at materyales, at gumagalaw ang merkado: ang panahon ng bisa " +
			"ang aming garantiya na mananatili ang mga presyo at kondisyon ng panukalang ito hanggang sa petsang iyon.",
		noValidity: "Hindi pa nakatakda ang panahon ng bisa.",
		coverDate:  "Petsa", coverRevision: "Rebisyon", coverValidUntil: "May bisa hanggang",
		page:      `"Pahina " counter(page) " ng " counter(pages)`,
		days:      map[plural.Form]string{plural.Other: "araw"},
		months:    map[plural.Form]string{plural.Other: "buwan"},
		years:     map[plural.Form]string{plural.Other: "taon"},
		audiences: map[Audience]string{Executive: "Ehekutibo", HR: "HR", Finance: "Pananalapi", Technical: "Teknikal", All: "Buong pangkat"},
		tasks:     map[TaskKind]string{TaskReceipt: "Tiyaking dumating ang panukala", TaskNextSteps: "Itanong ang mga susunod na hakbang", TaskConsideration: "Itanong kung gaano katagal nila ito pag-iisipan", TaskMeeting: "Magkasundo sa tawag o pulong tungkol sa mga pansamantalang resulta"},
	},
}
