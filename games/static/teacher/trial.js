// « Essayer » : opens the class screen and a phone-sized window side by side.
const box = document.querySelector(".teacher-trial");
const both = document.getElementById("essai-les-deux");

if (box && both) {
  both.addEventListener("click", () => {
    const phoneWidth = 390;
    const height = Math.min(window.screen.availHeight, 844);
    const hostWidth = Math.max(window.screen.availWidth - phoneWidth, 800);
    window.open(box.dataset.hostUrl, "essai-ecran", `popup,left=0,top=0,width=${hostWidth},height=${height}`);
    window.open(box.dataset.phoneUrl, "essai-telephone", `popup,left=${hostWidth},top=0,width=${phoneWidth},height=${height}`);
  });
}
