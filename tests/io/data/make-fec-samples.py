# Writes the FEC samples of this folder: python3 make-fec-samples.py
# (tab-separated ISO-8859-15 with CRLF, the same as pipe-separated UTF-8
# with pipes inside EcritureLib, and a file whose header is not a FEC).
hdr="JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise"
L=[hdr]
def l(j,jl,num,d,cpt,cptlib,aux,auxlib,piece,pdate,lib,deb,cred,let="",dlet=""):
    L.append("\t".join([j,jl,num,d,cpt,cptlib,aux,auxlib,piece,pdate,lib,deb,cred,let,dlet,d,"",""]))
l("AN","A-nouveaux","1","20260101","411000","Clients","DUPONT","Dupont & Fils","FA2025-120","20251215","Report à nouveau | FA2025-120","600,00","0,00","AA","20260210")
l("AN","A-nouveaux","1","20260101","890000","Bilan d'ouverture","","","FA2025-120","20251215","Report à nouveau","0,00","600,00")
l("VE","Ventes","2","20260115","411000","Clients","DUPONT","Dupont & Fils","FA2026-001","20260115","Facture FA2026-001 | cmd 42","1200,00","0,00","AB","20260320")
l("VE","Ventes","2","20260115","706000","Prestations","","","FA2026-001","20260115","Facture FA2026-001","0,00","1000,00")
l("VE","Ventes","2","20260115","445710","TVA collectée","","","FA2026-001","20260115","Facture FA2026-001","0,00","200,00")
l("BQ","Banque","3","20260210","512000","Banque","","","VIR123","20260210","Virement Dupont","1100,00","0,00")
l("BQ","Banque","3","20260210","411000","Clients","DUPONT","Dupont & Fils","VIR123","20260210","Virement Dupont","0,00","600,00","AA","20260210")
l("BQ","Banque","3","20260210","411000","Clients","DUPONT","Dupont & Fils","VIR123","20260210","Virement Dupont acompte","0,00","500,00","AB","20260320")
l("BQ","Banque","4","20260320","512000","Banque","","","VIR456","20260320","Virement Dupont","700,00","0,00")
l("BQ","Banque","4","20260320","411000","Clients","DUPONT","Dupont & Fils","VIR456","20260320","Virement Dupont solde","0,00","700,00","AB","20260320")
l("VE","Ventes","5","20260301","411000","Clients","MARTIN","Boulangerie Martin","FA2026-002","20260301","Facture FA2026-002","2400,00","0,00","AC","20260305")
l("VE","Ventes","5","20260301","706000","Prestations","","","FA2026-002","20260301","Facture","0,00","2400,00")
l("VE","Ventes","6","20260305","411000","Clients","MARTIN","Boulangerie Martin","AV2026-001","20260305","Avoir sur FA2026-002, remise «qualité» €","0,00","400,00","AC","20260305")
l("VE","Ventes","6","20260305","706000","Prestations","","","AV2026-001","20260305","Avoir","400,00","0,00")
l("VE","Ventes","7","20260310","411LEROY","Leroy SARL","","","FA2026-003","20260310","Facture FA2026-003","360,00","0,00")
l("VE","Ventes","7","20260310","706000","Prestations","","","FA2026-003","20260310","Facture","0,00","360,00")
open("fec-tab-iso885915.txt","wb").write(("\r\n".join(L)+"\r\n").encode("iso-8859-15"))
P=[x.replace("\t","|") for x in L]
open("fec-pipe-utf8.txt","wb").write(("\n".join(P)+"\n").encode("utf-8"))
open("fec-wrong-header.txt","w").write("Journal\tLib\tNum\n1\t2\t3\n")
